using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_ActionPlanId_ChallengeArea_Identifier",
                table: "Commitments",
                columns: new[] { "ActionPlanId", "ChallengeArea", "Identifier" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_ActionPlanId_ChallengeArea_Identifier",
                table: "Commitments");
        }
    }
}
