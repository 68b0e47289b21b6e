import { projectJestConfig } from '../../tools/jest/base';

export default projectJestConfig('data-loader', __dirname);
