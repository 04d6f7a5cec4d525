using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Benefits.RecordServiceChoice;

internal sealed class RecordServiceChoiceCommandValidator : AbstractValidator<RecordServiceChoiceCommand>
{
    public RecordServiceChoiceCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.InstitutionId).NotEmpty().WithMessage("请选择定点服务机构");
        RuleFor(c => c.ServiceMode).Must(m => ServiceModes.Terms.IsKnown(m)).WithMessage("请选择服务方式");
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("派单日期"));
        RuleFor(c => c.ServiceStart).Must(d => d is null || PlausibleDates.IsBusinessDate(d.Value, clock))
            .WithMessage(PlausibleDates.BusinessDateMessage("服务开始日期"));
    }
}
