export { registerSecondFactorModel, type SecondFactorDoc } from './second-factor.model';
export {
  openSignInChallenge,
  secondFactorStatus,
  signSignInChallenge,
  verifyCode as verifySecondFactorCode,
} from './second-factor.service';
