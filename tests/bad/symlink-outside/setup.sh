ln -s /etc/hostname leak.xml
