using FluentValidation;

namespace LtcInsurance.Application.Providers.ListServiceItems;

internal sealed class ListServiceItemsQueryValidator : AbstractValidator<ListServiceItemsQuery>
{
    public ListServiceItemsQueryValidator() => RuleFor(q => q.Text).MaximumLength(50).WithMessage("搜索内容不能超过 50 个字");
}
