using FluentValidation;

namespace LtcInsurance.Application.Auditing.ExportAuditEvents;

internal sealed class ExportAuditEventsValidator : AbstractValidator<ExportAuditEventsQuery>
{
    public ExportAuditEventsValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
        RuleFor(q => q.Filter).ValidFilter();
    }
}
