import { projectJestConfig } from '../../tools/jest/base';

export default projectJestConfig('studies', __dirname);
