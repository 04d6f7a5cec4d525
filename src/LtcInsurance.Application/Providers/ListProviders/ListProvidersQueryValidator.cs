using FluentValidation;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers.ListProviders;

internal sealed class ListProvidersQueryValidator : AbstractValidator<ListProvidersQuery>
{
    public ListProvidersQueryValidator()
    {
        RuleFor(q => q.Text).MaximumLength(50).WithMessage("搜索内容不能超过 50 个字");
        RuleFor(q => q.Kind).Must(k => k is null || ProviderKinds.All.Contains(k)).WithMessage("提供者类型未知");
        RuleFor(q => q.Mode).Must(m => m is null || ServiceModes.Terms.IsKnown(m)).WithMessage("服务方式未知");
        RuleFor(q => q.Status).IsInEnum().When(q => q.Status is not null).WithMessage("状态未知");
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).WithMessage("页码应从 1 开始");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListProvidersQuery.MaxPageSize).WithMessage($"每页条数应在 1 至 {ListProvidersQuery.MaxPageSize} 之间");
    }
}
