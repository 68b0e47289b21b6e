/** `@ratecut/studies/calibration`: the calibration of the scenario simulator by held-out cycles (`ratecut validate calibration`). */
export { planCalibrationStudy, CALIBRATION_DEFAULTS, type CalibrationRequest, type CalibrationStudy } from './lib/calibration/plan-calibration-study';
