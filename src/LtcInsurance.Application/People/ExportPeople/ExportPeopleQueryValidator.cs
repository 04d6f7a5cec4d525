using FluentValidation;

namespace LtcInsurance.Application.People.ExportPeople;

internal sealed class ExportPeopleQueryValidator : AbstractValidator<ExportPeopleQuery>
{
    public ExportPeopleQueryValidator()
    {
        RuleFor(q => q.Text).MaximumLength(PeopleSearch.MaxTextLength)
            .WithMessage($"查询内容不能超过 {PeopleSearch.MaxTextLength} 个字");
        RuleFor(q => q.Status).Must(s => s is null || PeopleStatusFilter.All.Contains(s))
            .WithMessage("参保状态只能是参保中、未参保或已死亡");
        RuleFor(q => q.RegionCode).Matches("^[0-9]{6}$").When(q => q.RegionCode is not null)
            .WithMessage("地区代码应为 6 位数字");
    }
}
