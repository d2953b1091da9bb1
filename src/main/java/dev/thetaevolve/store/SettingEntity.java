package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service-wide setting shared by every replica of one database (e.g. the API token's hash). */
@Entity
@Table(name = "settings")
public class SettingEntity {
    @Id
    @Column(name = "setting_name", length = 100)
    public String name;
    @Column(name = "setting_value", nullable = false, length = 2000)
    public String value;
}
