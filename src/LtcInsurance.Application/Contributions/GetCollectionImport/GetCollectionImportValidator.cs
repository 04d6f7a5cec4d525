using FluentValidation;

namespace LtcInsurance.Application.Contributions.GetCollectionImport;

internal sealed class GetCollectionImportValidator : AbstractValidator<GetCollectionImportQuery>
{
    public GetCollectionImportValidator() => RuleFor(q => q.ImportId).NotEmpty().WithMessage("请指定导入任务。");
}
