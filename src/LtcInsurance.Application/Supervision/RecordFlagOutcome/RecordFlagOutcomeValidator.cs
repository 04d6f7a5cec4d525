using FluentValidation;
using LtcInsurance.Domain.Supervision;

namespace LtcInsurance.Application.Supervision.RecordFlagOutcome;

internal sealed class RecordFlagOutcomeValidator : AbstractValidator<RecordFlagOutcomeCommand>
{
    public RecordFlagOutcomeValidator()
    {
        RuleFor(c => c.FlagId).NotEmpty().WithMessage("请指定疑点");
        RuleFor(c => c.Outcome).Must(o => FlagOutcomes.Recordable.Contains(o)).WithMessage("请选择核查结论：确认、排除或已追回");
        RuleFor(c => c.Note).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= AnomalyFlag.MaxNoteLength)
            .WithMessage($"请填写核查说明（不超过 {AnomalyFlag.MaxNoteLength} 个字符）");
    }
}
