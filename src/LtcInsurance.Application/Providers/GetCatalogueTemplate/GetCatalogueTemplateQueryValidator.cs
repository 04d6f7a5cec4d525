using FluentValidation;

namespace LtcInsurance.Application.Providers.GetCatalogueTemplate;

internal sealed class GetCatalogueTemplateQueryValidator : AbstractValidator<GetCatalogueTemplateQuery>
{
    public GetCatalogueTemplateQueryValidator() => RuleFor(q => q.Format).IsInEnum().WithMessage("格式应为 csv 或 xlsx");
}
