using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Benefits;

namespace LtcInsurance.Application.Benefits.DraftCarePlan;

internal sealed class DraftCarePlanCommandValidator : AbstractValidator<DraftCarePlanCommand>
{
    public DraftCarePlanCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.EntitlementId).NotEmpty().WithMessage("请指定待遇资格");
        RuleFor(c => c.From).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("计划开始日期"));
        RuleFor(c => c.To).Must((c, to) => to is null || to >= c.From).WithMessage("计划结束日期不能早于开始日期");
        RuleFor(c => c.Items).NotEmpty().WithMessage("护理服务计划至少须有一个服务项目");
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.ItemCode).NotEmpty().WithMessage("请填写服务项目编码").MaximumLength(64).WithMessage("服务项目编码过长");
            item.RuleFor(i => i.Frequency).InclusiveBetween(1, 100).WithMessage("服务频次须为 1 至 100 次");
            item.RuleFor(i => i.FrequencyUnit).Must(u => FrequencyUnits.All.Contains(u)).WithMessage("频次单位须为每周或每月");
            item.RuleFor(i => i.DurationMinutes).Must(d => d is null or (> 0 and <= 1440)).WithMessage("每次服务时长须为 1 至 1440 分钟");
        });
    }
}
