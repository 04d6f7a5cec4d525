using FluentValidation;

namespace LtcInsurance.Application.Import.GetImportChanges;

internal sealed class GetImportChangesValidator : AbstractValidator<GetImportChangesQuery>
{
    public GetImportChangesValidator() =>
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
}
