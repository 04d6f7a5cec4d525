using FluentValidation;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.SearchUsers;

internal sealed class SearchUsersValidator : AbstractValidator<SearchUsersQuery>
{
    public SearchUsersValidator()
    {
        RuleFor(r => r.TenantId).MaximumLength(32).WithMessage("城市代码过长。");
        RuleFor(r => r.Text).MaximumLength(100).WithMessage("搜索内容过长（至多 100 个字符）。");
        RuleFor(r => r.Role).Must(r => string.IsNullOrEmpty(r) || Roles.All.Contains(r)).WithMessage("角色无效。");
        RuleFor(r => r.Status).IsInEnum().WithMessage("状态无效。");
        RuleFor(r => r.Page).GreaterThanOrEqualTo(0).WithMessage("页码无效。");
        RuleFor(r => r.PageSize).InclusiveBetween(1, 100).WithMessage("每页条数应在 1 至 100 之间。");
    }
}
