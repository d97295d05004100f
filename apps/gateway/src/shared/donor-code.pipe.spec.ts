import { DomainError } from '@v2v/contracts';
import { DonorCodePipe } from './donor-code.pipe';

describe('DonorCodePipe', () => {
  const pipe = new DonorCodePipe();

  it('TRC-02 passes a valid donor code on canonical', () => {
    expect(pipe.transform('a99991500000100m')).toBe('A99991500000100M');
  });

  it('TRC-02 refuses a code with a wrong check character, as requireDonorCode does', () => {
    const refusal = (() => {
      try {
        pipe.transform('A99991500000100X');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'TRC-02' });
  });
});
