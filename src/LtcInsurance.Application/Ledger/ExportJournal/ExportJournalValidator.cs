using FluentValidation;

namespace LtcInsurance.Application.Ledger.ExportJournal;

internal sealed class ExportJournalValidator : AbstractValidator<ExportJournalQuery>
{
    public ExportJournalValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
        RuleFor(q => q.Filter).ValidFilter();
    }
}
