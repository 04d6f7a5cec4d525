using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.RecordDelivery;

internal sealed class RecordDeliveryCommandValidator : AbstractValidator<RecordDeliveryCommand>
{
    public RecordDeliveryCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.DeliveredOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("送达日期"));
        RuleFor(c => c.Method).Must(m => DeliveryMethods.All.Contains(m))
            .WithMessage(c => $"送达方式「{c.Method}」未知（可用：{string.Join("、", DeliveryMethods.All.Select(DeliveryMethods.ChineseName))}）");
    }
}
