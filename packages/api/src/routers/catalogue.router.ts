import { listCountries, listMembersOn, listNotes, listObsStatuses, listSources, listSourceTypes } from '@ilms/db';
import {
  ASEAN,
  criterionSchema,
  ILMS_REPORTING,
  languageTagSchema,
  nationalClassificationSchema,
  sourceRegistryEntrySchema,
  topicSchema,
} from '@ilms/domain';
import { z } from 'zod';
import { describeIndicator, describeScheme, searchIndicators, searchSchemes } from '../services/catalogue.service.js';
import { registerNationalClassification } from '../services/national-classification.service.js';
import { registerSource } from '../services/source.service.js';
import { publicProcedure, router } from '../trpc.js';

const lang = languageTagSchema.default('en');

export const catalogueRouter = router({
  listIndicators: publicProcedure
    .input(
      z.object({
        search: z.string().max(200).optional(),
        topic: topicSchema.optional(),
        criterion: criterionSchema.optional(),
        measureType: z.enum(['count', 'rate', 'mean', 'ratio']).optional(),
      }),
    )
    .query(({ ctx, input }) => searchIndicators(ctx, input)),

  getIndicator: publicProcedure
    .input(z.object({ code: z.string().min(1), lang }))
    .query(({ ctx, input: { code, lang } }) => describeIndicator(ctx, code, lang)),

  listSchemes: publicProcedure
    .input(
      z.object({
        dimension: z.string().optional(),
        kind: z.enum(['standard', 'per_country', 'national']).optional(),
        country: z.string().length(3).optional(),
      }),
    )
    .query(({ ctx, input }) => searchSchemes(ctx, input)),

  getScheme: publicProcedure
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input: { id } }) => describeScheme(ctx, id)),

  listCountries: publicProcedure.input(z.object({ lang })).query(({ ctx, input }) => listCountries(ctx.db, input.lang)),

  listMemberStates: publicProcedure
    .input(z.object({ on: z.iso.date().optional(), group: z.enum([ASEAN, ILMS_REPORTING]).default(ASEAN) }))
    .query(({ ctx, input }) => listMembersOn(ctx.db, input.group, input.on ?? ctx.now().toISOString().slice(0, 10))),

  listSources: publicProcedure
    .input(z.object({ country: z.string().length(3).optional() }))
    .query(({ ctx, input }) => listSources(ctx.db, input.country)),

  registerSource: publicProcedure
    .input(sourceRegistryEntrySchema)
    .mutation(({ ctx, input }) => registerSource(ctx, input)),

  listSourceTypes: publicProcedure.query(({ ctx }) => listSourceTypes(ctx.db)),

  listObsStatuses: publicProcedure.query(({ ctx }) => listObsStatuses(ctx.db)),

  listNotes: publicProcedure
    .input(z.object({ noteType: z.string().optional() }))
    .query(({ ctx, input }) => listNotes(ctx.db, input.noteType)),

  registerNationalClassification: publicProcedure
    .input(nationalClassificationSchema)
    .mutation(({ ctx, input }) => registerNationalClassification(ctx, input)),
});
