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
        RuleFor(q => q.Status).Must(s => s is null || PeopleStatusFilter.All.Contains(s))
            .WithMessage("参保状态只能是参保中、未参保或已死亡");
        RuleFor(q => q.RegionCode).Matches("^[0-9]{6}$").When(q => q.RegionCode is not null)
            .WithMessage("地区代码应为 6 位数字");
        RuleFor(q => q.Sort).Must(s => s is null || PeopleSort.All.Contains(s))
            .WithMessage("排序只能按姓名、身份证号码、出生日期或地区");
    }
}
