using FluentValidation;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.AddApplicationDocuments;

internal sealed class AddApplicationDocumentsCommandValidator : AbstractValidator<AddApplicationDocumentsCommand>
{
    public AddApplicationDocumentsCommandValidator()
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.Documents).NotEmpty().WithMessage("请至少勾选一项材料");
        RuleForEach(c => c.Documents).Must(ApplicationDocuments.IsKnown)
            .WithMessage((_, d) => $"材料「{d}」未知（可用：{string.Join("、", ApplicationDocuments.All)}）");
    }
}
