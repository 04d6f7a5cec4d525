using FluentValidation;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Contributions.ListBills;

internal sealed class ListBillsValidator : AbstractValidator<ListBillsQuery>
{
    public ListBillsValidator()
    {
        RuleFor(q => q.Period).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写缴费期间")
            .Must(p => p.Trim().Length <= 7).WithMessage("缴费期间应写作 YYYY 或 YYYY-MM");
        RuleFor(q => q.Region).Must(r => r is null || r.Trim().Length <= 6).WithMessage("地区代码为6位数字");
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("分页起点不能为负数");
        RuleFor(q => q.Take).InclusiveBetween(1, 1000).WithMessage("每页条数应在1到1000之间");
        RuleFor(q => q.Person).Must(p => p is null || p.Trim().Length <= LtcInsurance.Application.People.PeopleSearch.MaxTextLength).WithMessage("姓名或身份证号不超过50个字");
        RuleFor(q => q.Payer).Must(p => string.IsNullOrWhiteSpace(p) || Payer.TryFromCode(p.Trim(), out _))
            .WithMessage("未知的分担方");
        RuleFor(q => q.Status).Must(s => string.IsNullOrWhiteSpace(s) || BillStatuses.All.Contains(s.Trim()))
            .WithMessage("未知的缴费状态");
        RuleFor(q => q.SortBy).Must(s => string.IsNullOrWhiteSpace(s) || BillSorts.All.Contains(s.Trim()))
            .WithMessage("未知的排序方式");
    }
}
