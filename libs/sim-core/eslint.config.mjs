import { base, pureCore } from '../../tools/eslint/base.mjs';

export default [...base, ...pureCore];
