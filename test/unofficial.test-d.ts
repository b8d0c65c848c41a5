import { describe, expectTypeOf, it } from "vitest";
import {
  formatUnofficialStatus,
  getUnofficialStatus,
  isRetryableWithVendors,
  UNOFFICIAL_STATUSES,
  VENDORS,
  type RetryableCode,
  type RetrySource,
  type UnofficialCode,
  type UnofficialConflict,
  type UnofficialStatus,
  type Vendor,
  type VendorOf,
  type VendorRetryableCode,
  type VendorTable,
} from "../src/unofficial";

describe("statuskit/unofficial types", () => {
  it("Vendor is the union of the vendor ids", () => {
    expectTypeOf<"nginx">().toExtend<Vendor>();
    expectTypeOf<"aws-elb">().toExtend<Vendor>();
    expectTypeOf<"apache">().not.toExtend<Vendor>();
    expectTypeOf<VendorTable[number]["id"]>().toEqualTypeOf<Vendor>();
    expectTypeOf(VENDORS[0]).toEqualTypeOf<{ readonly id: "nginx"; readonly name: "nginx" }>();
  });

  it("UnofficialCode is the codes with records, and VendorOf<C> their vendors", () => {
    expectTypeOf<499>().toExtend<UnofficialCode>();
    expectTypeOf<404>().not.toExtend<UnofficialCode>();
    expectTypeOf<VendorOf<499>>().toEqualTypeOf<"nginx" | "esri">();
    expectTypeOf<VendorOf<444>>().toEqualTypeOf<"nginx">();
  });

  it("getUnofficialStatus(code, vendor) is the exact record for a known pair", () => {
    const record = getUnofficialStatus(499, "nginx");
    expectTypeOf(record.phrase).toEqualTypeOf<"Client Closed Request">();
    expectTypeOf(record.sent).toEqualTypeOf<false>();
    expectTypeOf(record).toEqualTypeOf<UnofficialStatus<499, "nginx">>();
    expectTypeOf(getUnofficialStatus(460, "aws-elb").phrase).toEqualTypeOf<null>();
    expectTypeOf(record.conflicts).toEqualTypeOf<readonly UnofficialConflict[]>();
    expectTypeOf<UnofficialConflict["source"]>().toEqualTypeOf<Vendor | "iana">();
  });

  it("getUnofficialStatus() and formatUnofficialStatus() of a union of codes may be undefined", () => {
    const code = JSON.parse("499") as 460 | 499;
    expectTypeOf(getUnofficialStatus(code, "aws-elb")).toEqualTypeOf<UnofficialStatus | undefined>();
    expectTypeOf(formatUnofficialStatus(code, "aws-elb")).toEqualTypeOf<string | undefined>();
  });

  it("getUnofficialStatus(code, vendor) may be undefined for any other pair", () => {
    expectTypeOf(getUnofficialStatus(499, "cloudflare")).toEqualTypeOf<UnofficialStatus | undefined>();
    expectTypeOf(getUnofficialStatus(404 as number, "nginx")).toEqualTypeOf<UnofficialStatus | undefined>();
    // @ts-expect-error a vendor id that does not exist
    getUnofficialStatus(499, "ngnix");
    // @ts-expect-error codes are numbers
    getUnofficialStatus("499");
  });

  it("getUnofficialStatus(code) is a readonly list, narrowed for a known code", () => {
    expectTypeOf(getUnofficialStatus(499)).toEqualTypeOf<readonly UnofficialStatus<499>[]>();
    expectTypeOf(getUnofficialStatus(499)[0]!.phrase).toEqualTypeOf<"Client Closed Request" | "Token Required">();
    expectTypeOf(getUnofficialStatus(404)).toEqualTypeOf<readonly UnofficialStatus[]>();
    expectTypeOf(UNOFFICIAL_STATUSES).toEqualTypeOf<readonly UnofficialStatus[]>();
  });

  it("formatUnofficialStatus() is a string for known codes and pairs", () => {
    expectTypeOf(formatUnofficialStatus(499, "nginx")).toEqualTypeOf<string>();
    expectTypeOf(formatUnofficialStatus(499)).toEqualTypeOf<string>();
    expectTypeOf(formatUnofficialStatus(404)).toEqualTypeOf<string | undefined>();
    expectTypeOf(formatUnofficialStatus(499, "cloudflare")).toEqualTypeOf<string | undefined>();
    // @ts-expect-error a vendor id that does not exist
    formatUnofficialStatus(499, "ngnix");
  });

  it("records are readonly", () => {
    const record = getUnofficialStatus(499, "nginx");
    // @ts-expect-error readonly
    record.phrase = "x";
    // @ts-expect-error readonly list
    getUnofficialStatus(499).push(record);
  });
});

describe("isRetryableWithVendors()", () => {
  it("narrows any number to the registry's and the vendors' retryable codes, and keeps number otherwise", () => {
    const n = JSON.parse("529") as number;
    if (isRetryableWithVendors(n)) expectTypeOf(n).toEqualTypeOf<RetryableCode | VendorRetryableCode>();
    else expectTypeOf(n).toEqualTypeOf<number>();
  });

  it("narrows a union of codes on both branches", () => {
    const code = JSON.parse("522") as 404 | 503 | 520 | 522;
    if (isRetryableWithVendors(code)) expectTypeOf(code).toEqualTypeOf<503 | 522>();
    else expectTypeOf(code).toEqualTypeOf<404 | 520>();
  });

  it("VendorRetryableCode is the vendor codes with a retry source, and RetryableCode the core's", () => {
    expectTypeOf<VendorRetryableCode>().toEqualTypeOf<509 | 521 | 522 | 524 | 529>();
    expectTypeOf<RetryableCode>().toEqualTypeOf<408 | 425 | 429 | 500 | 502 | 503 | 504>();
    // @ts-expect-error 520 is retried by no widely used client by name
    const unknownError: VendorRetryableCode = 520;
    expectTypeOf(unknownError).toEqualTypeOf<VendorRetryableCode>();
  });

  it("takes numbers only", () => {
    // @ts-expect-error codes are numbers
    isRetryableWithVendors("529");
  });

  it("records carry their retry sources, read-only, as a tuple of their number", () => {
    const record = getUnofficialStatus(522, "cloudflare");
    expectTypeOf(record.retry).toEqualTypeOf<readonly [RetrySource]>();
    expectTypeOf<RetrySource>().toEqualTypeOf<{ readonly by: string; readonly url: string }>();
    // Under noUncheckedIndexedAccess, as this project compiles: the source is there, not `| undefined`.
    expectTypeOf(getUnofficialStatus(522, "cloudflare").retry[0].by).toEqualTypeOf<string>();
    expectTypeOf(getUnofficialStatus(529, "anthropic").retry[0]).toEqualTypeOf<RetrySource>();
    // @ts-expect-error readonly list
    record.retry.push({ by: "me", url: "https://example.org/" });
  });

  it("a record without retry sources has an empty tuple, and any record a list to map", () => {
    const record = getUnofficialStatus(499, "nginx");
    expectTypeOf(record.retry).toEqualTypeOf<readonly []>();
    // @ts-expect-error nginx's 499 has no retry source at index 0
    record.retry[0];
    expectTypeOf<UnofficialStatus["retry"]>().toEqualTypeOf<readonly [] | readonly [RetrySource]>();
    expectTypeOf(UNOFFICIAL_STATUSES.flatMap((s) => s.retry.map((r) => r.by))).toEqualTypeOf<string[]>();
  });
});
