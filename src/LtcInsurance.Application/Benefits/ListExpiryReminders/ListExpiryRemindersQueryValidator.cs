using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Benefits.ListExpiryReminders;

internal sealed class ListExpiryRemindersQueryValidator : AbstractValidator<ListExpiryRemindersQuery>
{
    public ListExpiryRemindersQueryValidator(TimeProvider clock)
    {
        RuleFor(q => q.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("提醒日期"));
        RuleFor(q => q.ExpiredWithinDays).InclusiveBetween(0, 366).WithMessage("已到期天数须在 0 至 366 之间");
    }
}
