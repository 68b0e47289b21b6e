import { base, pureContracts } from '../../tools/eslint/base.mjs';

export default [...base, ...pureContracts];
