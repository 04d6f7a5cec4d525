using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Drops the foreign keys to <c>tenants</c> that another foreign key already implies (ADR 0008, issue #15 item 3): a
/// bill references its insured person by (tenant_id, person_id), a bill line its bill by (tenant_id, bill_id), a posting
/// its entry by (tenant_id, sequence), and each of those parents references <c>tenants</c>; so the child's tenant exists
/// whenever its parent row does, and a tenant with such rows cannot be deleted while the parents hold it (the parents'
/// ON DELETE RESTRICT). The dropped keys only cost a check per written row: a billing run writes a bill and two lines
/// per person, each checked against the same <c>tenants</c> row.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207180000_ImpliedTenantForeignKeys")]
public sealed class ImpliedTenantForeignKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE contribution_bills DROP CONSTRAINT fk_contribution_bills_tenants_tenant_id;
            ALTER TABLE contribution_bill_lines DROP CONSTRAINT fk_contribution_bill_lines_tenants_tenant_id;
            ALTER TABLE journal_postings DROP CONSTRAINT fk_journal_postings_tenants_tenant_id;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE contribution_bills ADD CONSTRAINT fk_contribution_bills_tenants_tenant_id
                FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT;
            ALTER TABLE contribution_bill_lines ADD CONSTRAINT fk_contribution_bill_lines_tenants_tenant_id
                FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT;
            ALTER TABLE journal_postings ADD CONSTRAINT fk_journal_postings_tenants_tenant_id
                FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT;
            """);
    }
}
