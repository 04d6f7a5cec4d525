using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Benefits.RecordHospitalAdmission;

internal sealed class RecordHospitalAdmissionCommandValidator : AbstractValidator<RecordHospitalAdmissionCommand>
{
    public RecordHospitalAdmissionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Person.Value).NotEmpty().WithMessage("请指定参保人员");
        RuleFor(c => c.Admitted).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("入院日期"));
        RuleFor(c => c.Hospital).NotEmpty().WithMessage("请填写医院名称").MaximumLength(200).WithMessage("医院名称不能超过 200 个字符");
    }
}
