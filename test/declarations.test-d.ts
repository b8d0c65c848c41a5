// The types that public signatures use, by the names users write in declarations and annotations
// (test/typescript.test.ts compiles consumers that need each of them).
import { describe, expectTypeOf, it } from "vitest";
import {
  classInfo,
  getStatus,
  STATUSES,
  type ClassInfo,
  type ClassTable,
  type LegacyName,
  type SpecUrl,
  type StatusCode,
  type StatusInfo,
  type StatusRecord,
  type StatusTable,
} from "../src/index";
import {
  getUnofficialStatus,
  VENDORS,
  type SharedVendor,
  type UnofficialCode,
  type UnofficialRecord,
  type UnofficialStatus,
  type UnofficialTable,
  type VendorOf,
  type VendorTable,
} from "../src/unofficial";

describe("statuskit's record types", () => {
  it("StatusInfo<C> is the StatusRecord of C, with the defaults left out", () => {
    expectTypeOf(getStatus(404)).toEqualTypeOf<StatusRecord<404, "Not Found", "15.5.5">>();
    expectTypeOf<StatusInfo<104>>().toEqualTypeOf<
      StatusRecord<104, "Upload Resumption Supported", "4", "draft-ietf-httpbis-resumable-upload-05", "provisional", "2026-11-13">
    >();
    expectTypeOf<StatusTable[number]>().toEqualTypeOf<StatusInfo>();
    expectTypeOf<StatusTable[number]["code"]>().toEqualTypeOf<StatusCode>();
    expectTypeOf(STATUSES).toEqualTypeOf<readonly StatusInfo[]>();
  });
  it("LegacyName is an entry of aliases, and SpecUrl the link of spec", () => {
    expectTypeOf(getStatus(413).aliases).toEqualTypeOf<readonly LegacyName[]>();
    expectTypeOf<LegacyName["phrase"]>().toEqualTypeOf<string | null>();
    expectTypeOf(getStatus(404).spec.url).toEqualTypeOf<SpecUrl<"RFC 9110", "15.5.5">>();
    expectTypeOf<SpecUrl<"draft-x-01", "2">>().toEqualTypeOf<"https://datatracker.ietf.org/doc/html/draft-x-01#section-2">();
  });
  it("ClassTable holds the ClassInfo of every class", () => {
    expectTypeOf<ClassTable[number]>().toEqualTypeOf<ClassInfo>();
    expectTypeOf(classInfo("success")).toEqualTypeOf<ClassTable[1]>();
  });
});

describe("statuskit/unofficial's record types", () => {
  it("UnofficialStatus<C, V> is the UnofficialRecord of C at V", () => {
    expectTypeOf(getUnofficialStatus(499, "nginx")).toEqualTypeOf<UnofficialRecord<499, "nginx", "Client Closed Request", false>>();
    expectTypeOf<UnofficialTable[number]>().toEqualTypeOf<UnofficialStatus>();
    expectTypeOf<UnofficialTable[number]["code"]>().toEqualTypeOf<UnofficialCode>();
  });
  it("VENDORS is the VendorTable", () => {
    expectTypeOf(VENDORS).toEqualTypeOf<VendorTable>();
  });
  it("SharedVendor<C> is the vendors every code of C has, where VendorOf<C> is any code's", () => {
    expectTypeOf<SharedVendor<419 | 420>>().toEqualTypeOf<"spring">();
    expectTypeOf<VendorOf<419 | 420>>().toEqualTypeOf<"laravel" | "twitter" | "spring">();
    expectTypeOf<SharedVendor<444 | 520>>().toEqualTypeOf<never>();
    expectTypeOf<SharedVendor<499>>().toEqualTypeOf<VendorOf<499>>();
    expectTypeOf(getUnofficialStatus(419 as 419 | 420, "spring")).toEqualTypeOf<UnofficialStatus<419 | 420, "spring">>();
    // @ts-expect-error 420 has no Laravel record, so the pair promises nothing
    getUnofficialStatus(419 as 419 | 420, "laravel").phrase;
  });
});
