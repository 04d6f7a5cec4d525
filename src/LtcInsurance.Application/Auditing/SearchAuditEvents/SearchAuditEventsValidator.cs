using FluentValidation;

namespace LtcInsurance.Application.Auditing.SearchAuditEvents;

internal sealed class SearchAuditEventsValidator : AbstractValidator<SearchAuditEventsQuery>
{
    public SearchAuditEventsValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("分页起点不能为负数");
        RuleFor(q => q.Take).InclusiveBetween(1, 500).WithMessage("每页条数应在1到500之间");
        RuleFor(q => q.Filter).ValidFilter();
    }
}
