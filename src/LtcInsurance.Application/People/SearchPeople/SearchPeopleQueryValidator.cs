using FluentValidation;

namespace LtcInsurance.Application.People.SearchPeople;

internal sealed class SearchPeopleQueryValidator : AbstractValidator<SearchPeopleQuery>
{
    public SearchPeopleQueryValidator()
    {
        RuleFor(q => q.Text).MaximumLength(PeopleSearch.MaxTextLength)
            .WithMessage($"查询内容不能超过 {PeopleSearch.MaxTextLength} 个字");
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).WithMessage("页码从 1 开始");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchPeopleQuery.MaxPageSize)
            .WithMessage($"每页条数应在 1 到 {SearchPeopleQuery.MaxPageSize} 之间");
    }
}
