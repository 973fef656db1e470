using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IrmReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IrmReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionPlanId = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    KeyFindings = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    DocumentUrl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    CorrectionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IrmReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IrmReports_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegacyAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommitmentId = table.Column<int>(type: "int", nullable: false),
                    Specificity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Relevance = table.Column<int>(type: "int", nullable: false),
                    PotentialImpact = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CompletionAtProgressReport = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CompletionAtEndOfTerm = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DidItOpenGovernment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegacyAssessments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    CommitmentId = table.Column<int>(type: "int", nullable: false),
                    Verifiable = table.Column<bool>(type: "bit", nullable: true),
                    Relevance = table.Column<int>(type: "int", nullable: false),
                    Potential = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Promising = table.Column<bool>(type: "bit", nullable: false),
                    PromisingReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Cluster = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Completion = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    EarlyResults = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Narrative = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentAssessments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentAssessments_IrmReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "IrmReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    AuthorRole = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportComments_IrmReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "IrmReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentAssessments_CommitmentId",
                table: "CommitmentAssessments",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentAssessments_ReportId_CommitmentId",
                table: "CommitmentAssessments",
                columns: new[] { "ReportId", "CommitmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IrmReports_ActionPlanId_Type",
                table: "IrmReports",
                columns: new[] { "ActionPlanId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IrmReports_Status_PublishedOn",
                table: "IrmReports",
                columns: new[] { "Status", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegacyAssessments_CommitmentId",
                table: "LegacyAssessments",
                column: "CommitmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportComments_ReportId",
                table: "ReportComments",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentAssessments");

            migrationBuilder.DropTable(
                name: "LegacyAssessments");

            migrationBuilder.DropTable(
                name: "ReportComments");

            migrationBuilder.DropTable(
                name: "IrmReports");
        }
    }
}
