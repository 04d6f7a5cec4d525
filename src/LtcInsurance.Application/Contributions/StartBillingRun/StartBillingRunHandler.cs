using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Contributions.StartBillingRun;

internal sealed class StartBillingRunHandler(ILtcDbContext db, JobEnqueuer jobs) : IRequestHandler<StartBillingRunCommand, JobView>
{
    public async Task<JobView> Handle(StartBillingRunCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        string period;
        try
        {
            period = BillingCycle.For(tenant).Period(request.Period.Trim()).ToString();
        }
        catch (PolicyException ex)
        {
            throw new BillingRefusedException(ex.Code, ex.Message);
        }

        var payload = BillingRunJob.Payload(period);
        var job = await jobs.ActiveAsync(JobKinds.BillingRun, payload, cancellationToken)
                  ?? await jobs.EnqueueAsync(JobKinds.BillingRun, payload, null, cancellationToken);
        return JobView.Of(job);
    }
}
