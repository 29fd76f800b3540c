package org.movedesk.core.locations;

import org.movedesk.core.common.AssignedIdEntity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place a move starts or ends; the id is the central location id. */
@Entity
@Table(name = "location")
public class Location extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(name = "loc_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String title;

    @Column(name = "title_key", nullable = false)
    private String titleKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_type", nullable = false)
    private LocationType type;

    @Column(name = "nomis_agency_id")
    private String nomisAgencyId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Location() {
    }

    public Location(UUID id, String key, String title, LocationType type, String nomisAgencyId, boolean active, Instant now) {
        this.id = id;
        update(key, title, type, nomisAgencyId, active, now);
    }

    void update(String key, String title, LocationType type, String nomisAgencyId, boolean active, Instant now) {
        this.key = key;
        this.title = title;
        this.titleKey = title.toUpperCase(Locale.ROOT);
        this.type = type;
        this.nomisAgencyId = nomisAgencyId;
        this.active = active;
        this.updatedAt = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public LocationType getType() {
        return type;
    }

    public String getNomisAgencyId() {
        return nomisAgencyId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return title + (nomisAgencyId == null ? "" : " (" + nomisAgencyId + ")");
    }
}
