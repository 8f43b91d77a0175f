import { z } from "zod";
import { pageParam } from "./companies";
import {
  idSchema,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredText,
  searchParamText,
} from "./fields";

// Openings: a job seen advertised at one of the user's companies.

const openingFields = {
  title: requiredText("the job title", 200),
  location: optionalText(200),
  url: optionalUrl(),
  seenOn: requiredDate("the date you saw it"),
  notes: optionalText(2000),
};

export const createOpeningSchema = z.object({ companyId: idSchema, ...openingFields });

export type OpeningInput = Omit<z.output<typeof createOpeningSchema>, "companyId">;

/** An opening stays at its company; editing changes only what was seen. */
export const updateOpeningSchema = z.object({ id: idSchema, ...openingFields });

export const openingIdSchema = z.object({ id: idSchema });

const searchText = z.preprocess(searchParamText, z.string().trim().max(200).catch("").default(""));

/** ?what= (title, notes or company), ?where= (location), ?page=. */
export const openingSearchParamsSchema = z.object({
  what: searchText,
  where: searchText,
  page: pageParam,
});

export type OpeningSearchParams = z.output<typeof openingSearchParamsSchema>;
