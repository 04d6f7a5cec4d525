using FluentValidation;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims.ListClaims;

internal sealed class ListClaimsValidator : AbstractValidator<ListClaimsQuery>
{
    public ListClaimsValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("分页起点不能为负数");
        RuleFor(q => q.Take).InclusiveBetween(1, 1000).WithMessage("每页条数应在1到1000之间");
        RuleFor(q => q.Month).Must(m => string.IsNullOrWhiteSpace(m) || Month.TryParse(m.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
        RuleFor(q => q.ProviderCode).Must(p => p is null || p.Trim().Length <= 32).WithMessage("机构编码不超过32个字符");
        RuleFor(q => q.Status).Must(s => string.IsNullOrWhiteSpace(s) || ClaimStatus.All.Contains(s.Trim())).WithMessage("未知的申报状态");
    }
}
