using FluentValidation;

namespace LtcInsurance.Application.People.ExportPeople;

internal sealed class ExportPeopleQueryValidator : AbstractValidator<ExportPeopleQuery>
{
    public ExportPeopleQueryValidator()
    {
        RuleFor(q => q.Text).MaximumLength(PeopleSearch.MaxTextLength)
            .WithMessage($"查询内容不能超过 {PeopleSearch.MaxTextLength} 个字");
    }
}
