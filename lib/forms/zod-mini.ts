import {
  NEVER,
  array,
  email,
  enum as enumOf,
  literal,
  maxLength,
  minLength,
  object,
  optional,
  pipe,
  refine,
  string,
  toLowerCase,
  transform,
  trim,
} from "zod/mini";
import type { Zod } from "./zod-flavor";

/**
 * zod/mini's functions, as the form definitions take them (`defineX(zodMini)`), for the browser.
 * Named one by one: handing over the `zod/mini` namespace object itself would keep the whole
 * package, its 40-odd locales included, in the bundle (about 85 KB gzip instead of a few).
 */
export const zodMini: Zod = {
  NEVER,
  array,
  email,
  enum: enumOf,
  literal,
  maxLength,
  minLength,
  object,
  optional,
  pipe,
  refine,
  string,
  toLowerCase,
  transform,
  trim,
};
