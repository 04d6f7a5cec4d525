using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.DesignateAgency;

internal sealed class DesignateAgencyCommandValidator : AbstractValidator<DesignateAgencyCommand>
{
    public DesignateAgencyCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("请填写评估机构协议编码").MaximumLength(32).WithMessage("协议编码不能超过 32 个字符");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写评估机构名称").MaximumLength(200).WithMessage("名称不能超过 200 个字符");
        RuleFor(c => c.AgreementFrom).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("协议起始日期"));
        RuleFor(c => c).Must(c => c.AgreementTo is null || c.AgreementTo >= c.AgreementFrom).WithMessage("协议终止日期不能早于起始日期");
    }
}
