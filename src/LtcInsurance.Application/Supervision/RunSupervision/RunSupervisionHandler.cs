using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Supervision.RunSupervision;

internal sealed class RunSupervisionHandler(SupervisionRunner runner, TimeProvider clock) : IRequestHandler<RunSupervisionCommand, SupervisionRunResult>
{
    public Task<SupervisionRunResult> Handle(RunSupervisionCommand request, CancellationToken cancellationToken)
    {
        IReadOnlyList<DateOnly> months = request.Month is { } text && Month.TryParse(text.Trim(), out var month)
            ? [month.FirstDay]
            : SupervisionRunner.RecentMonths(ClaimLookup.Today(clock));
        return runner.RunAsync(months, null, request.Scheduled ? "nightly" : "manual", cancellationToken);
    }
}
