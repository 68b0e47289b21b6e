import { z } from 'zod';

/**
 * The parts of a `ratecut.simulate/1` result file that `ratecut compare` reads (other keys are
 * ignored, so newer minor versions with extra keys still load). A reader's minimal schema, kept
 * until the full simulate schema lives in `@ratecut/contracts`.
 */
const num = z.number().nullable();
const inputsSchema = z.array(z.object({ file: z.string(), sha256: z.string() }));
const summarySchema = z.object({
  percentiles: z.record(z.string(), num),
  mean: num,
  sd: num,
});

/** The read parts of a `ratecut.simulate/1` file. */
export const simulateFileSchema = z.object({
  schema: z.string(),
  notice: z.string().optional(),
  scenario: z.object({ name: z.string() }).loose(),
  data: z.object({
    synthetic: z.boolean(),
    inputs: inputsSchema,
    pair: z.object({ id: z.string() }),
    first: z.string(),
    last: z.string(),
  }),
  seed: z.number(),
  paths: z.number(),
  method: z.object({ kind: z.string() }).loose(),
  horizon: z.object({ months: z.number(), steps: z.number(), unit: z.string() }),
  analogs: z.object({ cycleIds: z.array(z.string()) }).loose(),
  conventions: z.record(z.string(), z.string()),
  legs: z.object({ small: summarySchema, large: summarySchema, spread: summarySchema }),
  probabilities: z.object({ smallBeatsLarge: num, targets: z.array(z.object({ target: z.string(), probability: num })) }),
});

/** The parts of a simulate result file that `compare` reads. */
export type SimulateFile = z.infer<typeof simulateFileSchema>;
