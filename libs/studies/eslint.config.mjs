import { base } from '../../tools/eslint/base.mjs';

export default [...base];
