def test_home_renders_in_arabic_for_staff(staff_client):
    response = staff_client.get("/ar/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
