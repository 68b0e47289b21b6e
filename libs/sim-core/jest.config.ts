import { projectJestConfig } from '../../tools/jest/base';

export default projectJestConfig('sim-core', __dirname);
