import { projectJestConfig } from '../../tools/jest/base';

export default projectJestConfig('runner', __dirname);
