using FluentValidation;

namespace LtcInsurance.Application.Providers.ExportServiceItems;

internal sealed class ExportServiceItemsQueryValidator : AbstractValidator<ExportServiceItemsQuery>
{
    public ExportServiceItemsQueryValidator() => RuleFor(q => q.Format).IsInEnum().WithMessage("格式应为 csv 或 xlsx");
}
