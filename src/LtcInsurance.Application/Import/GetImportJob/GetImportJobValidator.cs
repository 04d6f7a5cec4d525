using FluentValidation;

namespace LtcInsurance.Application.Import.GetImportJob;

internal sealed class GetImportJobValidator : AbstractValidator<GetImportJobQuery>
{
    public GetImportJobValidator() =>
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
}
