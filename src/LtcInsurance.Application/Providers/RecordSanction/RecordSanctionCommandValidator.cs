using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Providers;

namespace LtcInsurance.Application.Providers.RecordSanction;

internal sealed class RecordSanctionCommandValidator : AbstractValidator<RecordSanctionCommand>
{
    public RecordSanctionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.SubjectKind).Must(k => SanctionSubjects.All.Contains(k)).WithMessage("请选择处理对象：服务机构或护理人员");
        RuleFor(c => c.SubjectId).NotEmpty().WithMessage("请指定处理对象");
        RuleFor(c => c.From).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("处理起始日期"));
        RuleFor(c => c.To!.Value).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(c => c.To is not null)
            .WithMessage(PlausibleDates.BusinessDateMessage("处理截止日期"));
        RuleFor(c => c.To).Must((c, to) => to is null || to >= c.From).WithMessage("处理截止日期不能早于起始日期");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写处理原因").MaximumLength(500).WithMessage("原因不能超过 500 个字");
        RuleFor(c => c.Clause).NotEmpty().WithMessage("请填写处理依据（协议或文件条款）").MaximumLength(300).WithMessage("依据不能超过 300 个字");
    }
}
