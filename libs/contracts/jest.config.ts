import { projectJestConfig } from '../../tools/jest/base';

export default projectJestConfig('contracts', __dirname);
