using FluentValidation;

namespace LtcInsurance.Application.Import.GetImportErrors;

internal sealed class GetImportErrorsValidator : AbstractValidator<GetImportErrorsQuery>
{
    public GetImportErrorsValidator() =>
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
}
