/** The small deterministic fixture market lives with the studies' test helpers; the CLI specs write it too. */
export { writeFixture } from '@ratecut/studies/testing';
